package io.siyu.messaging.internal.wecom;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the WeCom channel ({@code siyu.messaging.wecom.*}, documented in docs/operations.md).
 *
 * @param corpId the company's id (企业ID); without it (or the secret), WeCom messages go to the sandbox outbox
 * @param secret the secret of the customer-contact app (客户联系) or of a self-built app allowed to call it
 * @param endpoint WeCom's API address
 * @param defaultSender the staff member's userid that sends to customers who have no {@code wecom_owner} trait
 * @param remindAfter how long a task may wait for its staff member before WeCom reminds them, once
 * @param resultTimeout how long a task may wait at most: then it is cancelled and the message counts as not sent
 * @param pollEvery how often the outcomes of open tasks are asked for
 * @param timeout for connecting to WeCom and for its answer
 */
@ConfigurationProperties("siyu.messaging.wecom")
public record WecomProperties(
        @Nullable String corpId,
        @Nullable String secret,
        @DefaultValue("https://qyapi.weixin.qq.com") URI endpoint,
        @Nullable String defaultSender,
        @DefaultValue("4h") Duration remindAfter,
        @DefaultValue("3d") Duration resultTimeout,
        @DefaultValue("1m") Duration pollEvery,
        @DefaultValue("10s") Duration timeout) {

    public boolean configured() {
        return corpId != null && !corpId.isBlank() && secret != null && !secret.isBlank();
    }
}
