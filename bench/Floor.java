import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The floor for bench/run: the article's chain hand-written in plain Java (no rules, no catalog, no
 * provenance). "estimate" prints the article's figures; "sweep N FILE" writes N rows of serving GPUs
 * and daily cost over a log range of daily users, as `llmcap sweep` does with its rules.
 */
public final class Floor {

    private Floor() {
    }

    record Figures(double ratio, double checkpoint, double weights, double inferenceGpus, double tokens,
                   double sustained, double servingGpus, double trainingFlops, double gpuDays, double trainingGpus,
                   double fleet, double dailyUsd) {
    }

    static Figures chain(double users) {
        double params = 175e9;
        double ratio = params / 87.6e6;
        double checkpoint = 166e6 * ratio;
        double weights = params * 4;
        double inferenceGpus = Math.ceil(weights / 80e9);
        double tokens = users * 1000 * 4.0 / 3.0;
        double sustained = tokens * 2 * params / (24 * 3600 * 0.51);
        double servingGpus = Math.ceil(sustained * 5 / 312e12);
        double trainingFlops = 3640 * 1e15 * 86400;
        double gpuDays = trainingFlops / (312e12 * 0.514 * 86400);
        double trainingGpus = Math.ceil(gpuDays / 30);
        double fleet = servingGpus + 1000;
        double dailyUsd = 10000 * 24 * 1.5;
        return new Figures(ratio, checkpoint, weights, inferenceGpus, tokens, sustained, servingGpus, trainingFlops,
                gpuDays, trainingGpus, fleet, dailyUsd);
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0 || args[0].equals("estimate")) {
            System.out.println(chain(13e6));
            return;
        }
        int n = Integer.parseInt(args[1]);
        try (BufferedWriter w = Files.newBufferedWriter(Path.of(args[2]))) {
            w.write("row,serving.daily_users,serving.gpus,cost.fleet_daily_usd\n");
            for (int i = 0; i < n; i++) {
                double users = Math.exp(Math.log(1e6) + (Math.log(1e8) - Math.log(1e6)) * i / (n - 1));
                Figures f = chain(users);
                w.write(i + "," + users + "," + (long) f.servingGpus() + "," + (long) f.dailyUsd() + "\n");
            }
        }
    }
}
