package org.videoclub.catalog.rest;

import org.videoclub.testing.DocumentedAnswersChecks;

/** The answers catalog's HTTP tests received are in catalog's OpenAPI document (run last: pom.xml). */
class DocumentedAnswersCheck extends DocumentedAnswersChecks {
}
