"""The visitor's address is what our own proxies saw: a header the visitor writes changes nothing."""

from django.test import RequestFactory, SimpleTestCase, override_settings

from home.client_address import client_address

VISITOR, PROXY = "203.0.113.9", "10.0.0.2"


def request(*, remote_addr: str = PROXY, forwarded_for: str | None = None):
    headers = {"REMOTE_ADDR": remote_addr}
    if forwarded_for is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return RequestFactory().get("/", **headers)


class ClientAddressTests(SimpleTestCase):
    @override_settings(TRUSTED_PROXY_COUNT=0)
    def test_without_trusted_proxies_the_header_is_ignored(self):
        self.assertEqual(
            client_address(request(remote_addr=VISITOR, forwarded_for="198.51.100.1")), VISITOR
        )

    @override_settings(TRUSTED_PROXY_COUNT=1)
    def test_behind_one_proxy_the_right_most_entry_counts_not_what_the_visitor_wrote(self):
        forwarded = f"198.51.100.1, 198.51.100.2,{VISITOR}"
        self.assertEqual(client_address(request(forwarded_for=forwarded)), VISITOR)

    @override_settings(TRUSTED_PROXY_COUNT=2)
    def test_behind_two_proxies_the_address_the_outer_one_saw_counts(self):
        forwarded = f"198.51.100.1, {VISITOR}, 10.0.0.1"
        self.assertEqual(client_address(request(forwarded_for=forwarded)), VISITOR)

    @override_settings(TRUSTED_PROXY_COUNT=2)
    def test_a_header_shorter_than_the_proxy_chain_falls_back_to_the_connection(self):
        self.assertEqual(client_address(request(forwarded_for=VISITOR)), PROXY)
        self.assertEqual(client_address(request()), PROXY)

    @override_settings(TRUSTED_PROXY_COUNT=1)
    def test_an_entry_that_is_no_address_falls_back_to_the_connection(self):
        self.assertEqual(client_address(request(forwarded_for="unknown")), PROXY)
        self.assertEqual(client_address(request(forwarded_for="1.2.3.4, ")), "1.2.3.4")

    @override_settings(TRUSTED_PROXY_COUNT=1)
    def test_ipv6_addresses_are_written_one_way(self):
        forwarded = "2001:DB8:0:0:0:0:0:1"
        self.assertEqual(client_address(request(forwarded_for=forwarded)), "2001:db8::1")
