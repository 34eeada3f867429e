package org.videoclub.auth.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class UsernamesTest {

    @Test
    void theCanonicalFormIsTheLowerCaseAsciiSpelling() {
        assertEquals("victim9", Usernames.canonical("victim9"));
        assertEquals("victim9", Usernames.canonical("VicTIM9"));
        assertEquals("victim9", Usernames.canonical(" victim9\t "));
        assertEquals("a.b_c-d", Usernames.canonical("A.B_C-D"));
    }

    @Test
    void otherSpellingsAreNoUsername() {
        for (String other : new String[] { "víctim9", "vîctim9", "VÍCTIM9", "ｖictim9", "vÍctim9", "vi\u0301ctim9",
                "\u00A0victim9", "victim9\u3000", "\u200Bvictim9", "vic tim9", "ab", "a".repeat(51), "", "İstanbul",
                "\u212Aelvin" }) {
            assertNull(Usernames.canonical(other), other);
        }
        assertNull(Usernames.canonical(null));
    }
}
