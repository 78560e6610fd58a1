package io.siyu.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an operator API handler that is called with POST (its question does not fit a URL) but changes nothing, such
 * as a segment's live count while it is edited: the audit log, which records every change, leaves it out.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ChangesNothing {}
