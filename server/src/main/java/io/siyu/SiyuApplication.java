package io.siyu;

import io.siyu.ingest.cli.ImportCommand;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * Siyu, the self-hosted growth engine for social-commerce brands. Started without arguments it runs the server;
 * {@code import ...} runs the import command against a running server instead.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(systemName = "Siyu", sharedModules = "shared")
public class SiyuApplication {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("import")) {
            System.exit(ImportCommand.run(List.of(args).subList(1, args.length)));
        }
        SpringApplication.run(SiyuApplication.class, args);
    }
}
