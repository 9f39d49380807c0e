"""wagtail-2fa's code and enrolment pages, with the fixes and wording this site needs.

wagtail-2fa 1.8's code form names no device, and django-otp 1.7.5 refuses a code without one
("Please select a device."), so no code was ever accepted: this form chooses the person's device
(or lets them pick one when they enrolled several). Labels and messages are the site's own, so
they are translated with the rest of the admin.
"""

from django import forms
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail_2fa.forms import DeviceForm, TokenForm
from wagtail_2fa.views import DeviceCreateView, LoginView

INVALID_CODE = _("That code is not the one your app shows now. Type the newest code.")


class CodeForm(TokenForm):
    """The six-digit code from the person's authenticator app."""

    otp_token = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=6,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )
    otp_device = forms.ChoiceField(label=_("Device"), required=False)
    otp_error_messages = {
        **TokenForm.otp_error_messages,
        "token_required": _("Type the code your authenticator app shows."),
        "invalid_token": INVALID_CODE,
        "device_required": _("Choose the device that shows the code."),
    }

    def __init__(self, user, *args, **kwargs):
        super().__init__(user, *args, **kwargs)
        self.devices = list(TOTPDevice.objects.devices_for_user(user, confirmed=True))
        if len(self.devices) > 1:
            self.fields["otp_device"].choices = [
                (device.persistent_id, device.name) for device in self.devices
            ]
            self.fields["otp_device"].required = True
        else:
            del self.fields["otp_device"]

    def _chosen_device(self, user):
        if len(self.devices) == 1:
            return self.devices[0]
        return super()._chosen_device(user)


class EnrolForm(DeviceForm):
    """A new authenticator app: its name, a code it shows, and the person's password."""

    field_order = ["name", "otp_token", "password"]
    name = forms.CharField(
        label=_("Device name"),
        max_length=64,
        help_text=_("So you can tell your devices apart, e.g. “Work phone”."),
    )
    otp_token = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=6,
        help_text=_("After scanning the QR code, type the six-digit code the app shows."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )
    password = forms.CharField(
        label=_("Your password"),
        help_text=_("To be sure it is you who adds the device."),
        widget=forms.PasswordInput(),
    )

    def clean_otp_token(self):
        try:
            return super().clean_otp_token()
        except forms.ValidationError:
            raise forms.ValidationError(INVALID_CODE, code="invalid") from None

    def clean_password(self):
        try:
            return super().clean_password()
        except forms.ValidationError:
            raise forms.ValidationError(_("That is not your password."), code="invalid") from None


class CodeView(LoginView):
    """After the password: the code from the app, then on to the page the person asked for."""

    form_class = CodeForm


class EnrolView(DeviceCreateView):
    """Scan the QR code (drawn by the site itself), confirm a code, then go where you were going."""

    form_class = EnrolForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["next"] = self._next_url()
        return context

    def get_success_url(self):
        return self._next_url() or super().get_success_url()

    def _next_url(self) -> str:
        url = self.request.POST.get(REDIRECT_FIELD_NAME) or self.request.GET.get(
            REDIRECT_FIELD_NAME, ""
        )
        safe = url_has_allowed_host_and_scheme(
            url, allowed_hosts={self.request.get_host()}, require_https=self.request.is_secure()
        )
        return url if safe else ""
