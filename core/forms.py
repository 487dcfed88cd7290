from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class LocalizedDecimalField(forms.DecimalField):
    """A decimal as the user's language writes it: 1.234,5 in Danish, 1,234.5 in English."""

    default_error_messages = {"invalid": _("Skriv et tal, fx 1.234,5.")}
    # A text input: a number input would refuse the Danish "1.234,5" in the browser.
    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})

    def widget_attrs(self, widget):
        return {}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        text = str(value).strip().replace("\xa0", "").replace(" ", "")
        if (get_language() or "da").startswith("da"):
            text = text.replace(".", "").replace(",", ".")
        else:
            text = text.replace(",", "")
        try:
            number = Decimal(text)
        except InvalidOperation as error:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from error
        if not number.is_finite():
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return number

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            text = format(value.normalize(), "f")
            if (get_language() or "da").startswith("da"):
                return text.replace(".", ",")
            return text
        return value


class DanishDateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
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


class DkfdsFormMixin:
    """Give each widget the DKFDS class for its kind, and mark invalid fields for screen readers.

    Nothing here may read `self.errors`: that would validate the form before a subclass's
    `__init__` has finished setting up its fields (required flags, the owner choices).
    """

    bound_field_class = DkfdsBoundField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.HiddenInput):
                continue
            css = "form-select" if isinstance(widget, forms.Select) else "form-input"
            widget.attrs.setdefault("class", css)


def add_validation_errors(form: forms.BaseForm, error) -> None:
    """Show a service's ValidationError on the form: on its field where there is one."""
    for name, field_errors in error.message_dict.items():
        form.add_error(name if name in form.fields else None, field_errors)
