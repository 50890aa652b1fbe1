package llmcap.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link RuleIndex} as bytes, for the cache of compiled rules: a table of the distinct strings,
 * then each rule and its mentions as indexes into it. Reading it back takes a few milliseconds in a
 * cold JVM, where Java serialization of the same records took about 100 ms, as long as parsing the
 * rules with Drools' parser would save.
 */
final class IndexCodec {

    private static final int VERSION = 2; // 2: @range mentions

    private IndexCodec() {
    }

    static byte[] write(RuleIndex index) {
        Map<String, Integer> table = new LinkedHashMap<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(body)) {
            Map<String, List<Mention>> byRule = new HashMap<>();
            for (Mention m : index.mentions()) {
                byRule.computeIfAbsent(m.file() + "\u0000" + m.rule(), k -> new ArrayList<>()).add(m);
            }
            out.writeInt(index.rules().size());
            for (RuleInfo r : index.rules()) {
                rule(out, table, r);
                List<Mention> ms = byRule.getOrDefault(r.file() + "\u0000" + r.name(), List.of());
                out.writeInt(ms.size());
                for (Mention m : ms) {
                    out.writeByte(m.kind().ordinal());
                    out.writeBoolean(m.setting());
                    out.writeBoolean(m.excluded());
                    out.writeInt(m.line());
                    strings(out, table, List.of(m.name(), m.unit(), m.from()));
                    strings(out, table, m.values());
                }
            }
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            try (DataOutputStream head = new DataOutputStream(all)) {
                head.writeInt(VERSION);
                head.writeInt(table.size());
                for (String s : table.keySet()) {
                    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                    head.writeInt(utf8.length);
                    head.write(utf8);
                }
                out.flush();
                head.write(body.toByteArray());
            }
            return all.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void rule(DataOutputStream out, Map<String, Integer> table, RuleInfo r) throws IOException {
        strings(out, table, List.of(r.name(), r.packageName(), r.file(), r.consequence()));
        out.writeInt(r.line());
        out.writeBoolean(r.optional());
        out.writeInt(r.uncertain().size());
        for (double d : r.uncertain()) {
            out.writeDouble(d);
        }
    }

    /** The index written by {@link #write}; an {@link IOException} for bytes of another version or damaged. */
    static RuleIndex read(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (in.readInt() != VERSION) {
            throw new IOException("another version of the rule index");
        }
        String[] table = new String[in.readInt()];
        for (int i = 0; i < table.length; i++) {
            table[i] = new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
        }
        Mention.Kind[] kinds = Mention.Kind.values();
        int rules = in.readInt();
        List<RuleReader.Read> out = new ArrayList<>(rules);
        for (int i = 0; i < rules; i++) {
            List<String> s = strings(in, table);
            int line = in.readInt();
            boolean optional = in.readBoolean();
            List<Double> uncertain = new ArrayList<>();
            for (int n = in.readInt(); n > 0; n--) {
                uncertain.add(in.readDouble());
            }
            int count = in.readInt();
            List<Mention> mentions = new ArrayList<>(count);
            for (int k = 0; k < count; k++) {
                Mention.Kind kind = kinds[in.readByte()];
                boolean setting = in.readBoolean();
                boolean excluded = in.readBoolean();
                int at = in.readInt();
                List<String> f = strings(in, table);
                mentions.add(new Mention(kind, setting, f.get(0), s.get(0), s.get(2), at, f.get(1), strings(in, table),
                        excluded, f.get(2)));
            }
            RuleInfo bare = new RuleInfo(s.get(0), s.get(1), s.get(2), line, List.of(), List.of(), Map.of(), optional,
                    uncertain, s.get(3));
            out.add(new RuleReader.Read(RuleReader.withMentions(bare, mentions), mentions));
        }
        return RuleIndex.of(out);
    }

    private static void strings(DataOutputStream out, Map<String, Integer> table, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String v : values) {
            Integer i = table.get(v);
            if (i == null) {
                i = table.size();
                table.put(v, i);
            }
            out.writeInt(i);
        }
    }

    private static List<String> strings(DataInputStream in, String[] table) throws IOException {
        int n = in.readInt();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(table[in.readInt()]);
        }
        return out;
    }
}
