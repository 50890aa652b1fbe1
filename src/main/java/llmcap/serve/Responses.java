package llmcap.serve;

import io.javalin.http.Context;
import llmcap.live.Live;
import llmcap.live.Snapshot;

/** What every answer does the same way: take one snapshot and name its version, write JSON, offer a download. */
final class Responses {

    static final String VERSION_HEADER = "X-Llmcap-Version";
    static final String JSON = "application/json; charset=utf-8";

    private Responses() {
    }

    /** The snapshot this request will use from start to end; its version goes into a header at once. */
    static Snapshot snapshot(Context ctx, Live live) {
        Snapshot s = live.snapshot();
        ctx.header(VERSION_HEADER, s.version().id());
        return s;
    }

    static void json(Context ctx, String json) {
        ctx.contentType(JSON).result(json);
    }

    /** With {@code download} in the query, the browser saves the answer as {@code name} instead of showing it. */
    static void download(Context ctx, String name) {
        if (ctx.queryParam("download") != null) {
            ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        }
    }
}
