package io.siyu.commerce.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the commerce module.
 *
 * @param currency the brand's currency ({@code SIYU_CURRENCY}): orders without one are in it, and spend facts count
 *     orders in it only
 */
@ConfigurationProperties("siyu")
record CommerceProperties(@DefaultValue("CNY") String currency) {}
