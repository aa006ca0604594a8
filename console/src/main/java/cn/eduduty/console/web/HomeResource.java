package cn.eduduty.console.web;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import cn.eduduty.console.ConsoleConfig;
import cn.eduduty.console.ConsoleUser;

/** {@code /}: a county's staff go to their county's year, a prefecture's reviewers to their counties. */
@Path("/")
public class HomeResource {

    @Inject
    ConsoleUser user;

    @Inject
    ConsoleConfig config;

    @GET
    public Response home() {
        ConsoleUser.Claims me = user.require();
        int year = config.defaultYear();
        String target = me.reviewer() ? "/prefectures/" + me.region() + "/" + year
                : "/counties/" + me.region() + "/" + year;
        return Response.seeOther(URI.create(target)).build();
    }
}
