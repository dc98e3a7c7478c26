"""E-mails built from a pair of templates: `<name>_subject.txt` (flattened to one line, so a name stored with a line
break can never make Django refuse the message) and `<name>.txt`."""

from django.template.loader import render_to_string

from .text_input import one_line


def render_email(name, context):
    """(subject, body) of the e-mail `name` ("teams/emails/invitation")."""
    subject = one_line(render_to_string(f"{name}_subject.txt", context))
    return subject, render_to_string(f"{name}.txt", context)
