# Varnish in front of the app servers: keeps the pages the app marks public (anonymous
# visitors), passes everything personal, and forgets a page when the app sends PURGE on publish
# (FRONTEND_CACHE_HTTP_URL=http://127.0.0.1:6081). See "Caching" in the README.
vcl 4.1;

# One app server here; with several, a director (round robin) over each gunicorn.
backend default {
    .host = "127.0.0.1";
    .port = "8000";
}

# Only the app servers, on this machine, may purge.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Purging is not allowed from " + client.ip));
        }
        return (purge);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The admin, previews, private documents, and anyone logged in (session) or with a message
    # waiting: always the app's own answer, with their cookies.
    if (req.url ~ "^/(admin|documents)/"
        || req.http.Authorization
        || req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    # Anonymous visitors share one copy: their other cookies (csrftoken, analytics) change
    # nothing a kept page shows (a page using the CSRF token is never marked public).
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # Keep only what the app marks public (its s-maxage is the time to live; it already counts
    # down to the next "live"/"ended" change of an event page). Anything else is fetched
    # afresh every time (hit-for-miss).
    if (beresp.http.Cache-Control !~ "public" || beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
}
