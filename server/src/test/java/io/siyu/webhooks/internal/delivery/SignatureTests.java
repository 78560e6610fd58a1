package io.siyu.webhooks.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignatureTests {

    /** The example of the Standard Webhooks reference libraries' tests: its secret, id, timestamp and payload. */
    static final byte[] SECRET = Base64.getDecoder().decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

    static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long TIMESTAMP = 1614265330;
    static final String PAYLOAD = "{\"test\": 2432232314}";

    @Test
    void signsAsTheStandardWebhooksReferenceDoes() {
        assertThat(Signature.sign(SECRET, ID, TIMESTAMP, PAYLOAD))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void anyChangeToIdTimestampOrBodyChangesTheSignature() {
        var signed = Signature.sign(SECRET, ID, TIMESTAMP, PAYLOAD);

        assertThat(Signature.sign(SECRET, ID + "x", TIMESTAMP, PAYLOAD)).isNotEqualTo(signed);
        assertThat(Signature.sign(SECRET, ID, TIMESTAMP + 1, PAYLOAD)).isNotEqualTo(signed);
        assertThat(Signature.sign(SECRET, ID, TIMESTAMP, PAYLOAD + " ")).isNotEqualTo(signed);
    }

    @Test
    void duringARotationBothSecretsSignSeparatedByASpace() {
        var other = new byte[32];

        var header = Signature.header(List.of(SECRET, other), ID, TIMESTAMP, PAYLOAD);

        assertThat(header.split(" "))
                .containsExactly(
                        "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                        Signature.sign(other, ID, TIMESTAMP, PAYLOAD));
    }
}
