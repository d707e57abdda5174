/// The pages the status page shows instead of the status: the sign-in form
/// (no or a wrong token) and the notice that the admin API is off. They show
/// nothing about the deployment.
enum SignInPage {
    /// The sign-in form; `problem` is a sentence shown above it.
    static func form(problem: String?) -> String {
        let notice = problem.map { "<p class=\"error\">\(HTML.escape($0))</p>" } ?? ""
        return page(
            """
            <h1>Kontor status</h1>
            \(notice)
            <form method="post" action="/admin/sign-in">
            <label for="token">Admin token (<code>server.admin_token</code>)</label>
            <input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
            <button type="submit">Sign in</button>
            </form>
            """)
    }

    /// The page shown when `server.admin_token` is not set.
    static let disabled = page(
        """
        <h1>Kontor status</h1>
        <p>The status page is off: set <code>server.admin_token</code> in <code>connectors.yaml</code> to turn it on.</p>
        """)

    /// The page shown when the store cannot be read.
    static let unavailable = page(
        """
        <h1>Kontor status</h1>
        <p class="error">The store cannot be read now; this page retries in 30 seconds.</p>
        <meta http-equiv="refresh" content="30">
        """)

    private static func page(_ body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><meta name="referrer" content="no-referrer">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Kontor status</title><style>\(StatusPageStyle.css)</style></head>
        <body><div class="signin">\(body)</div></body></html>
        """
    }
}
