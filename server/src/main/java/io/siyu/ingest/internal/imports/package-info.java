/**
 * The CSV import of customers and orders ({@code CsvImport}): each line becomes the message the shop would have sent
 * and goes through the same checks and the same inbox as live traffic. Depends on {@code messages}, {@code inbox} and
 * {@code pipeline}.
 */
package io.siyu.ingest.internal.imports;
