import java.util.concurrent.atomic.LongAdder;

import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * The bcrypt ceiling of POST /login: how many password checks per second the cores present allow, with the library
 * and cost auth uses (BcryptUtil, AUTH_PASSWORD_BCRYPT_COST). Run by bench.sh with auth's jars on the class path:
 *   java -cp 'auth/target/quarkus-app/lib/main/*' BcryptCeiling.java COST THREADS SECONDS
 * Prints "checks_per_s=N ms_per_check=M".
 */
public class BcryptCeiling {
    public static void main(String[] args) throws Exception {
        int cost = Integer.parseInt(args[0]);
        int threads = Integer.parseInt(args[1]);
        long seconds = Long.parseLong(args[2]);
        String hash = BcryptUtil.bcryptHash("correct horse battery", cost);
        for (int i = 0; i < 3; i++) {
            BcryptUtil.matches("correct horse battery", hash); // warm-up
        }
        LongAdder checks = new LongAdder();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                while (System.nanoTime() < end) {
                    if (!BcryptUtil.matches("correct horse battery", hash)) {
                        throw new IllegalStateException("bcrypt check failed");
                    }
                    checks.increment();
                }
            });
            workers[t].start();
        }
        long started = System.nanoTime();
        for (Thread worker : workers) {
            worker.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        double perSecond = checks.sum() / elapsed;
        System.out.printf(java.util.Locale.ROOT, "checks_per_s=%.1f ms_per_check=%.1f%n", perSecond, threads * 1000.0 / perSecond);
    }
}
