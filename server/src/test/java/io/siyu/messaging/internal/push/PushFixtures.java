package io.siyu.messaging.internal.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.SiyuUnderTest;
import java.util.UUID;

/** Customers with a device, push templates and pushes for the push tests, made through the real API. */
final class PushFixtures {

    private final SiyuUnderTest siyu;

    PushFixtures(SiyuUnderTest siyu) {
        this.siyu = siyu;
    }

    /** A customer whose app sent the device's registration id as an external id; answers their id. */
    long customer(String registrationId, String consent) {
        var user = "push-" + UUID.randomUUID();
        var sent = siyu.shop().post("/v1/batch", """
                {"batch":[{"type":"identify","userId":"%s","traits":{"first_name":"Lan"},
                  "context":{"externalIds":[{"id":"%s","type":"jpush_registration_id","collection":"users",
                             "encoding":"none"}],
                             "consent":{"categoryPreferences":%s}}}]}""".formatted(user, registrationId, consent));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        siyu.applyQueued();
        return siyu.customerId("user_id:" + user);
    }

    /** A push template of this purpose with a fresh key; answers its key. */
    String template(String purpose) {
        var key = "p-" + UUID.randomUUID().toString().substring(0, 8);
        var created = siyu.admin().post("/api/v1/message-templates", """
                {"key":"%s","name":"Push %s","channel":"push","purpose":"%s",
                 "subject":"Hi {{customer.first_name}}","text":"Your parcel {{data.order}} is on its way",
                 "link":"https://shop.example.com/orders/{{data.order}}"}""".formatted(key, key, purpose));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return key;
    }

    /** Sends the template to the customer; answers the ledger row's id. */
    long send(long customer, String template) {
        var response = siyu.admin().post("/api/v1/messages", """
                {"customerId":%d,"template":"%s","data":{"order":"A-1"}}""".formatted(customer, template));
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json().get("sendId").asLong();
    }
}
