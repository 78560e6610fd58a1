/**
 * Personal data masked in both logs: the console log's message and exception converters and the structured file
 * log's customizer, all through one recogniser ({@code PersonalDataInLogs}).
 */
package io.siyu.platform.internal.logs;
