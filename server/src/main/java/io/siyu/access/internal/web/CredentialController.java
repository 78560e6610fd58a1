package io.siyu.access.internal.web;

import io.siyu.access.Role;
import io.siyu.access.WriteKeyScope;
import io.siyu.access.internal.credentials.Credentials;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Write keys for ingestion and API tokens for scripts: listed without their secrets, shown in clear only once. */
@RestController
class CredentialController {

    private final Credentials credentials;

    CredentialController(Credentials credentials) {
        this.credentials = credentials;
    }

    /** A write key to issue; {@code scope} is {@code browser} (the default) or {@code server}. */
    record NewWriteKey(String name, @Nullable String scope) {}

    record NewApiToken(String name, String role) {}

    @GetMapping("/api/v1/write-keys")
    @PreAuthorize("hasAuthority('keys:manage')")
    List<Credentials.Issued> writeKeys() {
        return credentials.writeKeys();
    }

    @PostMapping("/api/v1/write-keys")
    @PreAuthorize("hasAuthority('keys:manage')")
    ResponseEntity<Credentials.NewSecret> createWriteKey(@RequestBody NewWriteKey body) {
        var scope = WriteKeyScope.parse("scope", body.scope());
        return ResponseEntity.status(HttpStatus.CREATED).body(credentials.issueWriteKey(body.name(), scope));
    }

    @DeleteMapping("/api/v1/write-keys/{id}")
    @PreAuthorize("hasAuthority('keys:manage')")
    Credentials.Issued revokeWriteKey(@PathVariable long id) {
        return credentials.revokeWriteKey(id);
    }

    @GetMapping("/api/v1/api-tokens")
    @PreAuthorize("hasAuthority('keys:manage')")
    List<Credentials.Issued> apiTokens() {
        return credentials.apiTokens();
    }

    @PostMapping("/api/v1/api-tokens")
    @PreAuthorize("hasAuthority('keys:manage')")
    ResponseEntity<Credentials.NewSecret> createApiToken(@RequestBody NewApiToken body) {
        var role = body.role() == null ? null : Role.parse("role", body.role());
        return ResponseEntity.status(HttpStatus.CREATED).body(credentials.issueApiToken(body.name(), role));
    }

    @DeleteMapping("/api/v1/api-tokens/{id}")
    @PreAuthorize("hasAuthority('keys:manage')")
    Credentials.Issued revokeApiToken(@PathVariable long id) {
        return credentials.revokeApiToken(id);
    }
}
