package cn.eduduty.console;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/** The console's own settings ({@code eduduty.console.*} in application.properties). */
@ConfigMapping(prefix = "eduduty.console")
public interface ConsoleConfig {

    /** The report year the console opens at. */
    @WithName("default-year")
    int defaultYear();

    @WithName("local-sign-in")
    LocalSignIn localSignIn();

    interface LocalSignIn {
        /**
         * The launcher's private key ({@code .run/keys/private-key.pem}); when set, {@code /sign-in}
         * offers the accounts below. Never set in production.
         */
        Optional<Path> key();

        /** {@code role|region|subject|label}, in the order the page lists them. */
        List<String> accounts();
    }
}
