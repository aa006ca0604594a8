package cn.eduduty.console.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import cn.eduduty.console.ConsoleUser;

/**
 * Every call of the generated clients goes out with the signed-in user's token: the services, not
 * the console, decide what the user may read and write. Without a user no call leaves. It asks for
 * Chinese, so the services' validation messages read as the pages do.
 */
@Provider
public class ForwardUserToken implements ClientRequestFilter {

    @Inject
    ConsoleUser user;

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + user.require().token());
        // the services' validation messages, shown beside the fields, in the pages' language
        request.getHeaders().putSingle(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN");
    }
}
