package org.videoclub.catalog.repository;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Every {@code Uni} a method of the annotated class returns fails with {@link DatabaseTimeoutException} once
 * {@code catalog.database.deadline} has passed without an answer ({@link DatabaseDeadlineInterceptor}). Put on every class
 * that waits on the database: repositories, and services whose transactions span several repository calls.
 */
@InterceptorBinding
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface DatabaseDeadline {
}
