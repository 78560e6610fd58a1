package io.siyu.customers.internal.vault;

import java.nio.file.Path;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the customers module.
 *
 * @param timeZone the brand's time zone, which decides what "a day" is in counters and charts ({@code SIYU_TIME_ZONE})
 * @param personalDataKeys the Tink keysets sealing personal data, as JSON ({@code SIYU_PERSONAL_DATA_KEYS}); when
 *     unset they are read from, or generated into, {@code <data-dir>/keys/personal-data-keys.json}
 * @param dataDir the data folder
 */
@ConfigurationProperties("siyu")
public record CustomersProperties(
        @DefaultValue("Asia/Shanghai") ZoneId timeZone,
        String personalDataKeys,
        @DefaultValue("./data") Path dataDir) {}
