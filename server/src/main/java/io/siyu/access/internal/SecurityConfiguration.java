package io.siyu.access.internal;

import io.siyu.access.Permission;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two doors into Siyu and who may pass them.
 *
 * <ul>
 *   <li>Ingestion ({@code /v1/**}, {@code /ingest/**}): stateless, write keys, open to browsers of any origin (the
 *       shop's pages send events), no cookies, so no CSRF.
 *   <li>Everything else: the console signs in with a session cookie protected against CSRF by a double-submit token;
 *       scripts use {@code Authorization: Bearer} API tokens instead, which cannot be forged cross-site. Every
 *       {@code /api/**} endpoint requires an authenticated caller, and each names the permission it needs.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder(
                "argon2",
                Map.of(
                        "argon2",
                        Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                        "bcrypt",
                        new BCryptPasswordEncoder()));
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    CsrfTokenRepository csrfTokenRepository() {
        var repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
        repository.setCookieCustomizer(cookie -> cookie.sameSite("Strict").path("/"));
        return repository;
    }

    @Bean
    @Order(1)
    SecurityFilterChain ingestionSecurity(HttpSecurity http, Credentials credentials, JsonMapper json)
            throws Exception {
        var cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(List.of("*"));
        cors.setAllowedMethods(List.of("POST", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-Retry-Count", "AnonymousId"));
        cors.setMaxAge(86_400L);
        var corsSource = new UrlBasedCorsConfigurationSource();
        corsSource.registerCorsConfiguration("/**", cors);
        http.securityMatcher("/v1/**", "/ingest/**")
                .csrf(AbstractHttpConfigurer::disable)
                .cors(c -> c.configurationSource(corsSource))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .addFilterBefore(new WriteKeyFilter(credentials, json), AnonymousAuthenticationFilter.class)
                // Each ingestion endpoint requires a write key, from the header or from the body (browser SDKs).
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain consoleSecurity(
            HttpSecurity http,
            Credentials credentials,
            AuditTrail auditTrail,
            JsonMapper json,
            CsrfTokenRepository csrfTokens,
            SecurityContextRepository contexts,
            org.springframework.jdbc.core.JdbcTemplate jdbc,
            java.time.Clock clock)
            throws Exception {
        http.csrf(c -> c.spa().csrfTokenRepository(csrfTokens).ignoringRequestMatchers(BearerTokenFilter::carriesToken))
                .securityContext(c -> c.securityContextRepository(contexts))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .requestCache(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .addFilterBefore(new BearerTokenFilter(credentials, json), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
                // retried changes get their first answer before the audit log could count them twice
                .addFilterAfter(new IdempotencyFilter(jdbc, json, clock), AuthorizationFilter.class)
                .addFilterAfter(new AuditSafetyNet(auditTrail), IdempotencyFilter.class)
                .authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.POST, "/api/v1/session")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/session")
                        .permitAll()
                        .requestMatchers("/api/**")
                        .authenticated()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers("/actuator/prometheus")
                        .hasAuthority(Permission.METRICS_READ.authority())
                        .requestMatchers("/actuator/**")
                        .hasAuthority(Permission.OPERATORS_MANAGE.authority())
                        // the console's files and the OpenAPI description are public
                        .anyRequest()
                        .permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(
                                (request, response, failure) -> ProblemResponses.write(
                                        response,
                                        json,
                                        ProblemResponses.unauthenticated("sign in or send an API token")))
                        .accessDeniedHandler((request, response, denied) -> ProblemResponses.write(
                                response,
                                json,
                                ProblemResponses.forbidden(
                                        denied instanceof CsrfException
                                                ? "the CSRF token is missing or stale; send the XSRF-TOKEN cookie's "
                                                        + "value in the X-XSRF-TOKEN header"
                                                : "your role does not allow this action"))))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
                                        + "script-src 'self'; connect-src 'self'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                                        .ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** Makes sure every response carries the CSRF cookie, so the console has a token before its first change. */
    static final class CsrfCookieFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
