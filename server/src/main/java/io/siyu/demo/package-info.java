/**
 * The demo brand: a believable social-commerce beauty brand, 花间集 (Huajian), with a catalogue in categories and
 * about 20,000 customers from WeChat, Douyin, Xiaohongshu and the web shop over twelve months, generated from a seed
 * and fed through {@link io.siyu.ingest.Ingestion} exactly as a shop would send it. Same seed and end date, same data.
 * Owns one table (which demo runs were loaded); publishes and consumes no events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo")
package io.siyu.demo;
