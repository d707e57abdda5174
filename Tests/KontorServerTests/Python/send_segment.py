"""Sends identify/track/page/screen/group/alias through the real segment-analytics-python
library to --host, flushes, and prints {"messageIds": [...], "errors": [...]} as JSON.

Run by KontorServerTests (PythonClientLibraryTests); exits 1 when the library reported an error.
"""
import argparse
import json
import sys

from segment.analytics import Client


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", required=True)
    parser.add_argument("--write-key", required=True)
    parser.add_argument("--gzip", action="store_true")
    args = parser.parse_args()

    errors = []
    client = Client(
        write_key=args.write_key,
        host=args.host,
        gzip=args.gzip,
        max_retries=2,
        upload_interval=0.1,
        on_error=lambda error, batch: errors.append(str(error)),
    )
    sent = [
        client.identify("seg-user-1", {"email": "ada@example.com", "plan": "pro"}),
        client.track("seg-user-1", "Order Completed", {"total": 42.5, "currency": "EUR"}),
        client.page("seg-user-1", "Shop", "Running Shoes", {"url": "https://shop.example/running"}),
        client.screen("seg-user-1", "App", "Cart"),
        client.group("seg-user-1", "company-7", {"name": "ACME"}),
        client.alias("seg-anon-1", "seg-user-1"),
        client.track(anonymous_id="seg-anon-2", event="Product Viewed", properties={"sku": "TV-55"}),
    ]
    client.flush()
    client.shutdown()
    ids = [message["messageId"] for ok, message in sent if ok]
    print(json.dumps({"messageIds": ids, "errors": errors}))
    return 1 if errors or len(ids) != len(sent) else 0


if __name__ == "__main__":
    sys.exit(main())
