package io.siyu.platform.internal.web;

import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

/** The description of Siyu's HTTP APIs published at {@code /v3/api-docs} and browsable at {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // a JsonNode field holds any JSON (a definition, a list of stages), not the node's Java properties
        SpringDocUtils.getConfig()
                .replaceWithSchema(JsonNode.class, new Schema<Object>().description("any JSON value"));
    }

    @Bean
    ModelConverter recordSchemas() {
        return new RecordSchemas();
    }

    @Bean
    OpenAPI siyuOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Siyu API")
                        .version("v1")
                        .description("Tracking API (Segment-compatible, write key as HTTP Basic user name), catalogue "
                                + "feed, the operator API (API token as Bearer, or the console's session) and the "
                                + "consumer API (a token the shop's backend signs, as Bearer; docs/consumer-api.md). "
                                + "Errors are RFC 9457 problem details; see docs/api.md.")
                        .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                "apiToken",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer"))
                        .addSecuritySchemes(
                                "consumerToken",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("a customer's token, signed by the shop's backend"))
                        .addSecuritySchemes(
                                "writeKey",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description("the write key as user name, empty password")))
                .addSecurityItem(new SecurityRequirement().addList("apiToken"));
    }
}
