"""Sends identify/track/page/screen/group/alias through the real rudder-sdk-python
library to --host (gzip on, its default), flushes, and prints {"messageIds": [...], "errors": [...]}.

Run by KontorServerTests (PythonClientLibraryTests); exits 1 when the library reported an error.
"""
import argparse
import json
import sys

from rudderstack.analytics import Client


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", required=True)
    parser.add_argument("--write-key", required=True)
    args = parser.parse_args()

    errors = []
    client = Client(
        write_key=args.write_key,
        host=args.host,
        gzip=True,
        max_retries=2,
        upload_interval=0.1,
        on_error=lambda error, batch: errors.append(str(error)),
    )
    sent = [
        client.identify("rs-user-1", {"email": "grace@example.com"}),
        client.track("rs-user-1", "Order Completed", {"total": 19.99}),
        client.page("rs-user-1", "Shop", "Home", {"url": "https://shop.example/"}),
        client.screen("rs-user-1", "App", "Wish List"),
        client.group("rs-user-1", "company-9", {"name": "Initech"}),
        client.alias("rs-anon-1", "rs-user-1"),
    ]
    client.flush()
    client.shutdown()
    ids = [message["messageId"] for ok, message in sent if ok]
    print(json.dumps({"messageIds": ids, "errors": errors}))
    return 1 if errors or len(ids) != len(sent) else 0


if __name__ == "__main__":
    sys.exit(main())
