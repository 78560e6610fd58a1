package io.siyu.access.internal.web;

import io.siyu.access.internal.consumer.ConsumerKeys;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The public keys of the shop's backend that sign consumer tokens: registered, retired when a newer key has taken
 * over, revoked once no token they signed can still be alive.
 */
@RestController
class ConsumerKeyController {

    private final ConsumerKeys keys;

    ConsumerKeyController(ConsumerKeys keys) {
        this.keys = keys;
    }

    /** A key to register: a name for people and the public key as a JWK with its {@code kid}. */
    record NewConsumerKey(String name, JsonNode jwk) {}

    @GetMapping("/api/v1/consumer-keys")
    @PreAuthorize("hasAuthority('keys:manage')")
    List<ConsumerKeys.ConsumerKey> consumerKeys() {
        return keys.list();
    }

    @PostMapping("/api/v1/consumer-keys")
    @PreAuthorize("hasAuthority('keys:manage')")
    ResponseEntity<ConsumerKeys.ConsumerKey> registerConsumerKey(@RequestBody NewConsumerKey body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(keys.register(body.name(), body.jwk()));
    }

    @PostMapping("/api/v1/consumer-keys/{kid}/retire")
    @PreAuthorize("hasAuthority('keys:manage')")
    ConsumerKeys.ConsumerKey retireConsumerKey(@PathVariable String kid) {
        return keys.retire(kid);
    }

    @DeleteMapping("/api/v1/consumer-keys/{kid}")
    @PreAuthorize("hasAuthority('keys:manage')")
    ConsumerKeys.ConsumerKey revokeConsumerKey(@PathVariable String kid) {
        return keys.revoke(kid);
    }
}
