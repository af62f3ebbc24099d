"""Turn an admin change page into the POST data its form would send, so tests can edit it."""

import datetime


def _encode(bound_field):
    field, value = bound_field.field, bound_field.value()
    widget_type = bound_field.widget_type
    if widget_type == "checkbox":
        return "on" if value else None
    if value is None:
        return ""
    if isinstance(value, list | tuple) and widget_type in (
        "selectmultiple",
        "autocompleteselectmultiple",
        "checkboxselectmultiple",
    ):
        return [str(getattr(v, "pk", v)) for v in value]
    prepared = field.prepare_value(value)
    if isinstance(prepared, datetime.date):
        return prepared.isoformat()
    return "" if prepared is None else prepared


def change_form_data(response, **changes):
    """Every field of the main form and of each inline, as the browser would post them."""
    forms = [response.context["adminform"].form]
    data = {}
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[f"{formset.prefix}-{name}"] = management[name].value()
        forms.extend(formset.forms)
    for form in forms:
        for name in form.fields:
            value = _encode(form[name])
            if value is not None:
                data[form.add_prefix(name)] = value
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def inline_prefix(response, model_name, predicate):
    """The form prefix of the first inline row (of `model_name`) whose instance matches."""
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        if formset.model._meta.model_name != model_name:
            continue
        for form in formset.forms:
            if form.instance.pk and predicate(form.instance):
                return form.prefix
    raise AssertionError(f"no {model_name} row matches")
