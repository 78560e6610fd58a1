package io.siyu.access.internal.security;

import io.siyu.access.ConsumerCaller;
import io.siyu.access.Permission;
import io.siyu.access.internal.audit.AuditSafetyNet;
import io.siyu.access.internal.audit.AuditTrail;
import io.siyu.access.internal.consumer.ConsumerLimits;
import io.siyu.access.internal.consumer.ConsumerTokens;
import io.siyu.access.internal.consumer.TokenUses;
import io.siyu.access.internal.credentials.Credentials;
import io.siyu.access.internal.operators.BoundedPasswordEncoder;
import io.siyu.access.internal.operators.OperatorStore;
import io.siyu.shared.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
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
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * The doors into Siyu and who may pass them.
 *
 * <ul>
 *   <li>The consumer API ({@code /consumer/**}): the shop's customers, each with a short-lived token signed by the
 *       shop's backend ({@link ConsumerTokenFilter}); stateless, no cookies, so no CSRF.
 *   <li>Ingestion ({@code /v1/**}, {@code /ingest/**}): stateless, write keys, open to browsers of any origin (the
 *       shop's pages send events), no cookies, so no CSRF.
 *   <li>The operator API and the console. Scripts send {@code Authorization: Bearer} API tokens: such a request is
 *       stateless, it neither reads nor creates a session, whatever cookies come with it, and cannot be forged
 *       cross-site. The console signs in with a session cookie, protected against CSRF by a token bound to the session
 *       ({@link SessionBoundCsrfTokens}), and every session follows its operator's account as it is now
 *       ({@link SessionFollowsAccount}). Every {@code /api/**} endpoint requires an authenticated caller, and each names
 *       the permission it needs.
 *   <li>The links inside messages ({@code /t/**}), public and signed.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        var encoders = new DelegatingPasswordEncoder(
                "argon2",
                Map.of(
                        "argon2",
                        Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                        "bcrypt",
                        new BCryptPasswordEncoder()));
        return new BoundedPasswordEncoder(encoders, BoundedPasswordEncoder.forThisMachine());
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    CsrfTokenRepository csrfTokenRepository() {
        return new SessionBoundCsrfTokens();
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

    /**
     * The consumer API: the shop's customers, with a token the shop's backend signed. Stateless like ingestion, open to
     * pages of any origin (the token is no cookie, so nothing can be forged cross-site); ahead of the API-token door,
     * which would take any bearer token for its own. Sessions and API tokens open nothing here, and consumer tokens
     * nothing elsewhere.
     */
    @Bean
    @Order(0)
    SecurityFilterChain consumerSecurity(
            HttpSecurity http, ConsumerTokens tokens, TokenUses uses, ConsumerLimits limits, OperatorFilters filters)
            throws Exception {
        var cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(List.of("*"));
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", IdempotencyFilter.HEADER));
        cors.setExposedHeaders(List.of("Retry-After", "Idempotency-Replayed", "WWW-Authenticate"));
        cors.setMaxAge(86_400L);
        var corsSource = new UrlBasedCorsConfigurationSource();
        corsSource.registerCorsConfiguration("/**", cors);
        var json = filters.json;
        http.securityMatcher("/consumer/**")
                .csrf(AbstractHttpConfigurer::disable)
                .cors(c -> c.configurationSource(corsSource))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .addFilterBefore(new SessionlessRequests(), SecurityContextHolderFilter.class)
                .addFilterBefore(
                        new ConsumerTokenFilter(tokens, uses, limits, json, filters.clock),
                        AnonymousAuthenticationFilter.class)
                .addFilterAfter(filters.replays(), AuthorizationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().hasAuthority(ConsumerCaller.AUTHORITY))
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, failure) -> Problems.write(
                                response, json, Problems.unauthenticated("send the customer's consumer token")))
                        .accessDeniedHandler((request, response, denied) -> Problems.write(
                                response, json, Problems.forbidden("only consumer tokens open the consumer API"))));
        return http.build();
    }

    /**
     * The links inside messages ({@code /t/**}: open pixel, click redirect, unsubscribe page and one-click
     * unsubscribe): public by design, since customers' mail clients follow them without credentials; each carries a
     * token signed by Siyu, which the endpoint checks. Stateless, and without CSRF: RFC 8058's one-click unsubscribe is
     * a cross-site POST by definition.
     */
    @Bean
    @Order(1)
    SecurityFilterChain messageLinkSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/t/**")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .anonymous(a -> {})
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }

    /** Operator-API requests with an API token: each one stands alone. */
    @Bean
    @Order(2)
    SecurityFilterChain tokenSecurity(HttpSecurity http, Credentials credentials, OperatorFilters filters)
            throws Exception {
        http.securityMatcher(BearerTokenFilter::carriesToken)
                .csrf(AbstractHttpConfigurer::disable)
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new SessionlessRequests(), SecurityContextHolderFilter.class)
                .addFilterBefore(new BearerTokenFilter(credentials, filters.json), AnonymousAuthenticationFilter.class);
        return filters.apply(http);
    }

    /** The console's requests, signed in with a session cookie. */
    @Bean
    @Order(3)
    SecurityFilterChain consoleSecurity(
            HttpSecurity http,
            CsrfTokenRepository csrfTokens,
            SecurityContextRepository contexts,
            OperatorStore operators,
            OperatorFilters filters)
            throws Exception {
        http.csrf(c -> c.spa().csrfTokenRepository(csrfTokens))
                .securityContext(c -> c.securityContextRepository(contexts))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .addFilterAfter(new SessionFollowsAccount(operators, contexts), SecurityContextHolderFilter.class)
                .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class);
        return filters.apply(http);
    }

    @Bean
    OperatorFilters operatorFilters(
            AuditTrail auditTrail,
            JsonMapper json,
            JdbcTemplate jdbc,
            Clock clock,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> handlers) {
        return new OperatorFilters(auditTrail, json, jdbc, clock, handlers);
    }

    /** What both operator doors share: the filters after authentication, the rules, the answers and the headers. */
    static final class OperatorFilters {
        private final AuditTrail auditTrail;
        private final JsonMapper json;
        private final JdbcTemplate jdbc;
        private final Clock clock;
        private final ObjectProvider<RequestMappingHandlerMapping> handlers;

        OperatorFilters(
                AuditTrail auditTrail,
                JsonMapper json,
                JdbcTemplate jdbc,
                Clock clock,
                ObjectProvider<RequestMappingHandlerMapping> handlers) {
            this.auditTrail = auditTrail;
            this.json = json;
            this.jdbc = jdbc;
            this.clock = clock;
            this.handlers = handlers;
        }

        /** Retried changes of a door's callers get their first answer again. */
        IdempotencyFilter replays() {
            return new IdempotencyFilter(jdbc, json, clock, new HandlerAuthorization(handlers::getObject));
        }

        SecurityFilterChain apply(HttpSecurity http) throws Exception {
            var replays = replays();
            http.requestCache(AbstractHttpConfigurer::disable)
                    .httpBasic(AbstractHttpConfigurer::disable)
                    .formLogin(AbstractHttpConfigurer::disable)
                    .logout(AbstractHttpConfigurer::disable)
                    // retried changes get their first answer before the audit log could count them twice
                    .addFilterAfter(replays, AuthorizationFilter.class)
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
                    .exceptionHandling(e -> e.authenticationEntryPoint((request, response, failure) -> Problems.write(
                                    response, json, Problems.unauthenticated("sign in or send an API token")))
                            .accessDeniedHandler((request, response, denied) ->
                                    Problems.write(response, json, refusal(request, denied))))
                    .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                                    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
                                            + "script-src 'self'; connect-src 'self'; frame-ancestors 'none'"))
                            .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)));
            return http.build();
        }

        /**
         * A refused request's answer. A CSRF token that fails because the session it was bound to has ended (expired,
         * signed out, or ended by a change to the account) means the caller must sign in again: 401, as for any
         * request without a session.
         */
        private static ProblemDetail refusal(HttpServletRequest request, Exception denied) {
            if (denied instanceof CsrfException) {
                var sessionEnded = request.getRequestedSessionId() != null
                        && !request.isRequestedSessionIdValid()
                        && !request.getRequestURI().equals("/api/v1/session");
                return sessionEnded
                        ? Problems.unauthenticated("the session has ended; sign in again")
                        : Problems.forbidden("the CSRF token is missing or stale; send the XSRF-TOKEN "
                                + "cookie's value in the X-XSRF-TOKEN header");
            }
            return Problems.forbidden("your role does not allow this action");
        }
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
