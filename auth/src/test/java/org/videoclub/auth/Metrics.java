package org.videoclub.auth;

import static io.restassured.RestAssured.given;

/** Reads counters from the Prometheus endpoint, to count work done (bcrypt calls, events) rather than time it. */
public final class Metrics {

    private Metrics() {
    }

    /** bcrypt password checks so far. */
    public static double bcryptChecks() {
        return value("videoclub_auth_bcrypt_total{operation=\"check\"}");
    }

    /** bcrypt hashes so far. */
    public static double bcryptHashes() {
        return value("videoclub_auth_bcrypt_total{operation=\"hash\"}");
    }

    public static double auditEvents(String type) {
        return value("videoclub_auth_audit_events_total{type=\"" + type + "\"}");
    }

    /** The value of one sample (name with labels, as Prometheus prints it), 0 when it is not there yet. */
    public static double value(String sample) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String line : text.split("\n")) {
            if (line.startsWith(sample + " ")) {
                return Double.parseDouble(line.substring(sample.length() + 1).trim());
            }
        }
        return 0;
    }
}
