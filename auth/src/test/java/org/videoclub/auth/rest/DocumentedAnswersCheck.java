package org.videoclub.auth.rest;

import org.videoclub.testing.DocumentedAnswersChecks;

/** The answers auth's HTTP tests received are in auth's OpenAPI document (run last: pom.xml). */
class DocumentedAnswersCheck extends DocumentedAnswersChecks {
}
