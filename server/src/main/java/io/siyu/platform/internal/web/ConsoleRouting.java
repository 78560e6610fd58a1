package io.siyu.platform.internal.web;

import java.io.IOException;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the console, a single-page app: a path that is neither a file of the console nor an API answers with the
 * console's {@code index.html}, so that deep links such as {@code /customers/42} survive a reload.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleRouting implements WebMvcConfigurer {

    private static final List<String> NOT_CONSOLE =
            List.of("api/", "v1/", "ingest/", "consumer/", "actuator", "v3/", "swagger-ui", "problems/");

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/**")
                .addResourceLocations("classpath:/static/")
                .resourceChain(true)
                .addResolver(new PathResourceResolver() {
                    @Override
                    protected Resource getResource(String resourcePath, Resource location) throws IOException {
                        var requested = location.createRelative(resourcePath);
                        if (requested.exists() && requested.isReadable()) {
                            return requested;
                        }
                        if (NOT_CONSOLE.stream().anyMatch(resourcePath::startsWith) || resourcePath.contains(".")) {
                            return null;
                        }
                        var index = new ClassPathResource("/static/index.html");
                        return index.exists() ? index : null;
                    }
                });
    }
}
