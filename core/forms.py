import unicodedata
import uuid
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.bounds import EARLIEST_DATE, LATEST_DATE, largest_value
from core.concurrency import ConcurrentEditError
from core.locale import NumberError, format_number, parse_decimal


class LocalizedDecimalField(forms.DecimalField):
    """A decimal as the user's language writes it: 1.234,5 in Danish, 1,234.5 in English.

    Parsed strictly by `core.locale.parse_decimal`, so an ambiguous "1.5" is refused with a
    message rather than read as 15. Give it the model field's `max_digits` and `decimal_places`
    (e.g. `**MEASURE_DIGITS`) so that a value the database cannot hold is refused here, with the
    largest allowed number in the message.
    """

    # A text input: a number input would refuse the Danish "1.234,5" in the browser.
    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})

    default_error_messages = {"max_decimal_places": _("Skriv højst %(max)s decimaler.")}

    def run_validators(self, value):
        try:
            super().run_validators(value)
        except forms.ValidationError as error:
            if {e.code for e in error.error_list} & {"max_digits", "max_whole_digits"}:
                largest = largest_value(self.max_digits, self.decimal_places)
                raise forms.ValidationError(
                    _("Tallet er for stort. Det største tal, der kan gemmes, er %(largest)s.")
                    % {"largest": format_number(largest)},
                    code="too_large",
                ) from error
            raise

    def widget_attrs(self, widget):
        return {}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return parse_decimal(str(value))
        except NumberError as error:
            raise forms.ValidationError(str(error), code="invalid") from error

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return format_number(value)
        return value


class DanishDateInput(forms.DateInput):
    """The browser's date picker, limited to the dates Kurs accepts (`core.bounds`)."""

    input_type = "date"

    def __init__(self, attrs=None):
        attrs = {"min": EARLIEST_DATE.isoformat(), "max": LATEST_DATE.isoformat(), **(attrs or {})}
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class DkfdsBoundField(forms.BoundField):
    """Point aria-describedby at the hint and error that `_field.html` renders.

    Django marks an invalid field with aria-invalid itself, at render time, so errors a view
    adds after validation (from a service) are marked too.
    """

    @property
    def aria_describedby(self):
        if self.field.widget.attrs.get("aria-describedby"):
            return None
        ids = []
        if self.auto_id and not self.is_hidden:
            if self.help_text:
                ids.append(f"{self.id_for_label}-hint")
            if self.errors:
                ids.append(f"{self.id_for_label}-error")
        return " ".join(ids)


# Characters that show as nothing although Unicode gives them no space or format category: the
# Hangul fillers and the blank Braille pattern.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def has_visible_character(text: str) -> bool:
    """Whether `text` has a character that shows: not only spaces, zero-width characters, text
    direction marks and other format or control characters (U+200B, U+202E, U+FEFF …)."""
    return any(
        char not in _BLANK_LETTERS
        and unicodedata.category(char) not in {"Cc", "Cf", "Zs", "Zl", "Zp"}
        for char in text
    )


def validate_visible(value) -> None:
    """A typed text must show something: a name or title of zero-width characters alone would be
    stored and shown to staff as nothing."""
    if isinstance(value, str) and value and not has_visible_character(value):
        raise ValidationError(
            _("Feltet indeholder kun usynlige tegn. Skriv teksten med bogstaver eller tal."),
            code="invisible",
        )


class DkfdsFormMixin:
    """Give each widget the DKFDS class for its kind, and mark invalid fields for screen readers.
    Every text field refuses a value of invisible characters alone (`validate_visible`).

    Nothing here may read `self.errors`: that would validate the form before a subclass's
    `__init__` has finished setting up its fields (required flags, the owner choices).
    """

    bound_field_class = DkfdsBoundField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(field, forms.CharField) and not isinstance(widget, forms.PasswordInput):
                field.validators.append(validate_visible)
            if isinstance(widget, forms.HiddenInput):
                continue
            css = "form-select" if isinstance(widget, forms.Select) else "form-input"
            widget.attrs.setdefault("class", css)


class SubmitOnceFormMixin(forms.Form):
    """A form whose POST is saved at most once, however often it is sent.

    A double click, a second tab or a retried request sends the same `submission_token`; the
    service stores it in a unique column, so the second save finds the first instead of making
    a duplicate (`core.idempotency.save_once`). A re-shown form keeps its token."""

    submission_token = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("submission_token", uuid.uuid4())


def add_validation_errors(form: forms.BaseForm, error) -> None:
    """Show a service's ValidationError on the form: on its field where there is one, and above
    the form when it names none (a rule about the whole object)."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for name, field_errors in error.message_dict.items():
        form.add_error(name if name in form.fields else None, field_errors)


def save_form(form: forms.BaseForm, save) -> int | None:
    """Call `save()` for a valid `form`, turning what a service refuses into form errors.

    Returns None when saved, else the status to show the form again with: 400 for invalid
    input or a rule the service enforces, 409 when someone else saved the object first."""
    if not form.is_valid():
        return 400
    try:
        save()
    except ConcurrentEditError as error:
        form.add_error(None, str(error))
        return 409
    except ValidationError as error:
        add_validation_errors(form, error)
        return 400
    return None


class PersonalDataForm(DkfdsFormMixin, forms.Form):
    """Staff's look-up, export and erasure of everything held on one e-mail address
    (`core.personal_data`). Erasing takes two steps: `confirm` shows what will be erased, and
    `erase` needs the box ticked."""

    email = forms.EmailField(
        label=_("E-mail-adresse"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    action = forms.ChoiceField(
        choices=[(action, action) for action in ("show", "json", "confirm", "erase")],
        widget=forms.HiddenInput,
        initial="show",
    )
    confirmed = forms.BooleanField(
        label=_("Ja, slet alt, hvad kommunen har om adressen i alle kilder"), required=False
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") == "erase" and not cleaned.get("confirmed"):
            self.add_error("confirmed", _("Sæt kryds for at bekræfte sletningen."))
        return cleaned
