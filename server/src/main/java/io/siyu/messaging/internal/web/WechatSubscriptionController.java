package io.siyu.messaging.internal.web;

import io.siyu.customers.Profiles;
import io.siyu.messaging.internal.wechat.SubscriptionGrants;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A customer's WeChat subscriptions for operators: per mini-program template, how many subscribe messages the customer
 * still allows and their latest decision, as the profile page shows them next to the messages they were sent.
 */
@RestController
class WechatSubscriptionController {

    private final Profiles profiles;
    private final SubscriptionGrants grants;

    WechatSubscriptionController(Profiles profiles, SubscriptionGrants grants) {
        this.profiles = profiles;
        this.grants = grants;
    }

    @GetMapping("/api/v1/messaging/wechat-subscriptions")
    @PreAuthorize("hasAuthority('messages:read')")
    @Operation(
            summary =
                    "A customer's WeChat subscriptions: per template, the messages still allowed and the latest decision")
    ConsumerWechatController.Subscriptions of(@RequestParam(required = false) @Nullable Long customerId) {
        return new ConsumerWechatController.Subscriptions(
                grants.of(MessageController.liveCustomer(profiles, customerId)));
    }
}
