extension Schedule: SchemaDescribed {
    /// `{every: 15m, jitter?: 30s}` | `{cron: "0 6 * * *", timezone?: Europe/Berlin, jitter?: 30s}` | `manual`.
    public static let schema: Schema = .either([
        .string(choices: ["manual"]),
        .object(
            [
                "every": .required(.duration, "How often to run, e.g. 15m or 1h; the first run starts at once"),
                "jitter": Property(.duration, "A random delay of up to this long added to each run, e.g. 30s"),
            ],
            description: "Run at a fixed interval"
        ),
        .object(
            [
                "cron": .required(
                    .string(),
                    "Five-field cron expression (minute hour day-of-month month day-of-week) or @hourly, @daily, @weekly, @monthly, @yearly"
                ),
                "timezone": Property(
                    .string(), "IANA time zone the cron times are read in, e.g. Europe/Berlin", default: "UTC"
                ),
                "jitter": Property(.duration, "A random delay of up to this long added to each run, e.g. 30s"),
            ],
            description: "Run at the times of a cron expression"
        ),
    ])
}
