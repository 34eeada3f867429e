package org.videoclub.auth.model;

/** The security events auth records (SPEC section 3), with the name they have in the API and the database. */
public enum AuditEventType {
    LOGIN_SUCCEEDED("login.succeeded"),
    LOGIN_FAILED("login.failed"),
    LOGIN_THROTTLED("login.throttled"),
    REFRESH_TOKEN_REUSED("refresh-token.reused"),
    LOGOUT("logout"),
    SIGN_UP("user.signed-up"),
    ROLE_CHANGED("user.role-changed"),
    PASSWORD_CHANGED("user.password-changed"),
    ACCOUNT_DELETED("user.deleted"),
    KEY_ROTATED("key.rotated");

    private final String wireName;

    AuditEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The type of a wire name, or null when there is none. */
    public static AuditEventType of(String wireName) {
        for (AuditEventType type : values()) {
            if (type.wireName.equals(wireName)) {
                return type;
            }
        }
        return null;
    }
}
