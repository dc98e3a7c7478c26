"""Journal pages. Every entry is fetched through JournalEntry.objects.owned_by / visible_to / shared_with."""

import hashlib
import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.permissions import Role, role_required

from . import exports, services
from .access import trainers_for
from .forms import EntryForm, FeedbackForm
from .models import JournalEntry
from .pii import find_personal_data, highlight
from .sanitize import MAX_TEXT_LENGTH, html_to_text


def _owned(request, pk):
    return get_object_or_404(JournalEntry.objects.owned_by(request.user), pk=pk)


@login_required
def journal(request):
    entries = (
        JournalEntry.objects.owned_by(request.user)
        .annotate(
            feedback_count=Count("feedback"),
            unread_count=Count("feedback", filter=Q(feedback__read_at__isnull=True)),
        )
        .order_by("-updated_at", "-pk")
    )
    return render(request, "reflections/journal.html", {"entries": entries})


@role_required(Role.TRAINER)
def shared(request):
    entries = (
        JournalEntry.objects.shared_with(request.user)
        .select_related("author", "course")
        .annotate(feedback_count=Count("feedback"))
        .order_by("feedback_count", "-shared_at")
    )
    return render(request, "reflections/shared.html", {"entries": entries})


# --- Writing ----------------------------------------------------------------------------------------------


def _storage_key(request, entry):
    suffix = f"entry:{entry.pk}" if entry.pk else "new:" + request.GET.urlencode()
    return f"collectif-journal:{request.user.pk}:{suffix}"


def editor_messages():
    """The editor script's strings, translated here and handed over with json_script."""
    return {
        "unsaved": _("Modifications non enregistrées…"),
        "saving": _("Enregistrement du brouillon…"),
        "saved": _("Brouillon enregistré à %(time)s."),
        "offline": _(
            "Hors connexion : votre texte est gardé dans ce navigateur et sera envoyé dès le retour de la connexion."
        ),
        "conflict": _(
            "Une autre version de ce texte a été enregistrée depuis un autre onglet ou appareil : "
            "choisissez ci-dessous la version à garder. Votre texte reste gardé dans ce navigateur."
        ),
        "signed_out": _("Vous êtes déconnecté·e : votre texte est conservé sur cet appareil."),
        "relogin": _("Se reconnecter dans un nouvel onglet"),
        "resumed": _("Vous êtes reconnecté·e : envoi du brouillon…"),
        "unconfirmed": _(
            "Le serveur n'a pas confirmé avoir reçu ce texte exact ; votre texte est gardé dans ce navigateur "
            "et sera renvoyé."
        ),
        "no_title": _("(sans titre)"),
        "in_sync": _("Toutes les modifications sont enregistrées."),
        "error": _("Le brouillon n'a pas pu être enregistré ; votre texte est gardé dans ce navigateur."),
        "restored": _("Le texte non envoyé, gardé dans ce navigateur, a été restauré."),
        "toolbar": _("Mise en forme du texte"),
        "bold": _("Gras"),
        "italic": _("Italique"),
        "ul": _("Liste à puces"),
        "ol": _("Liste numérotée"),
        "quote": _("Citation"),
        "link": _("Lien"),
        "help_rich": _(
            "Utilisez la barre d'outils pour mettre en forme (gras, italique, listes, citation, lien). "
            "Au plus %(max)s caractères."
        )
        % {"max": f"{MAX_TEXT_LENGTH:,}".replace(",", "\u202f")},
        "link_prompt": _("Adresse du lien (https://…, mailto:…) :"),
        "link_invalid": _("Seules les adresses commençant par http://, https:// ou mailto: sont acceptées."),
    }


def _editor(request, entry, form, prompt=None, status=200, initial_html=None):
    context = {
        "editor_messages": editor_messages(),
        "entry": entry,
        "form": form,
        "prompt": prompt,
        "initial_html": entry.editor_html if initial_html is None else initial_html,
        "storage_key": _storage_key(request, entry),
        "autosave_url": (
            reverse("reflections:autosave", args=[entry.pk])
            if entry.pk
            else reverse("reflections:autosave_new") + ("?" + request.GET.urlencode() if request.GET else "")
        ),
    }
    return render(request, "reflections/entry_form.html", context, status=status)


def _initial(entry):
    return {"title": entry.editor_title, "body_text": html_to_text(entry.editor_html), "revision": entry.draft_revision}


def _prompt_from(request):
    return services.prompt_context(request.GET.get("page"), request.GET.get("consigne"), request.GET.get("sujet"))


def _handle_save(request, entry, prompt=None):
    form = EntryForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("L'entrée n'a pas été enregistrée : corrigez les champs signalés."))
        return _editor(request, entry, form, prompt, status=400, initial_html=form.submitted_html())
    data = form.cleaned_data
    try:
        entry = services.save(entry, data["title"], data["cleaned_html"], data["revision"], force=data["force"])
    except services.StaleRevision as stale:
        messages.warning(
            request,
            _(
                "Une version plus récente de cette entrée a été enregistrée depuis un autre onglet ou appareil. "
                "Votre texte est toujours dans l'éditeur : cliquez de nouveau sur « Enregistrer » pour remplacer "
                "l'autre version, ou ouvrez l'entrée dans un nouvel onglet pour la lire d'abord."
            ),
        )
        post = request.POST.copy()
        post["force"] = "on"
        post["revision"] = str(stale.entry.draft_revision)
        return _editor(request, stale.entry, EntryForm(post), prompt, status=409, initial_html=data["cleaned_html"])
    messages.success(request, _("Votre entrée est enregistrée. Elle reste privée tant que vous ne la partagez pas."))
    return redirect("reflections:detail", entry.pk)


@login_required
def new(request):
    prompt = _prompt_from(request)
    entry = services.new_entry(request.user, prompt)
    if request.method == "POST":
        return _handle_save(request, entry, prompt)
    initial = {"title": "", "revision": 0}
    return _editor(request, entry, EntryForm(initial=initial), prompt)


@login_required
def edit(request, pk):
    entry = _owned(request, pk)
    prompt = None
    if entry.prompt_title:
        prompt = {"title": entry.prompt_title, "page": entry.source_page, "is_prompt": bool(entry.prompt_key)}
    if request.method == "POST":
        return _handle_save(request, entry, prompt)
    return _editor(request, entry, EntryForm(initial=_initial(entry)), prompt)


def _signed_out():
    """JSON, not a redirect to the login form: the editor must know that nothing was saved."""
    return JsonResponse(
        {
            "status": "signed_out",
            "error": _("Vous êtes déconnecté·e : votre texte est conservé sur cet appareil."),
            "login_url": reverse("account_login"),
        },
        status=401,
    )


def _received_digest(request):
    """What the editor can compare with its own digest of what it sent: proof the server read that very text."""
    sent = request.POST.get("title", "") + "\n" + request.POST.get("body_html", "")
    return hashlib.sha256(sent.encode("utf-8")).hexdigest()


def _entry_to_autosave(request, pk):
    if pk is not None:
        return _owned(request, pk)
    client_id = _client_id(request.POST.get("client_id"))
    existing = JournalEntry.objects.owned_by(request.user).filter(client_id=client_id).first() if client_id else None
    return existing or services.new_entry(request.user, _prompt_from(request), client_id=client_id)


def _client_id(value):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


@require_POST
def autosave(request, pk=None):
    """The editor's background save (fetch with the CSRF header). Answers JSON; never raises on bad input."""
    if not request.user.is_authenticated:
        return _signed_out()
    entry = _entry_to_autosave(request, pk)
    try:
        title, cleaned = services.prepare(request.POST.get("title", ""), raw_html=request.POST.get("body_html", ""))
    except ValidationError as error:
        return JsonResponse({"status": "refused", "error": " ".join(error.messages)}, status=400)
    base_version = services.parse_revision(request.POST.get("revision"))
    try:
        entry = services.autosave(entry, title, cleaned, base_version)
    except services.StaleRevision as stale:
        current = stale.entry
        return JsonResponse(
            {
                "status": "conflict",
                "version": current.draft_revision,
                "title": current.editor_title,
                "html": current.editor_html,
            },
            status=409,
        )
    saved_at = formats.time_format(timezone.localtime(entry.draft_updated_at), "H:i")
    return JsonResponse(
        {
            "status": "saved",
            "entry": entry.pk,
            "version": entry.draft_revision,
            "received": _received_digest(request),
            "saved_at": saved_at,
            "edit_url": reverse("reflections:edit", args=[entry.pk]),
            "autosave_url": reverse("reflections:autosave", args=[entry.pk]),
            "storage_key": _storage_key(request, entry),
        }
    )


@require_GET
def editor_token(request):
    """A fresh CSRF token for an open editor once its author has logged in again (login rotates the token)."""
    if not request.user.is_authenticated:
        return _signed_out()
    return JsonResponse({"status": "ok", "csrf": get_token(request)})


# --- Reading, feedback ------------------------------------------------------------------------------------


@login_required
def detail(request, pk, feedback_form=None, status=200):
    entry = get_object_or_404(
        JournalEntry.objects.visible_to(request.user).select_related("author", "course", "source_page"), pk=pk
    )
    is_author = entry.author_id == request.user.pk
    if is_author:
        services.mark_feedback_read(entry)
    context = {
        "entry": entry,
        "is_author": is_author,
        "feedback_list": entry.feedback.select_related("author"),
        "feedback_form": None if is_author else (feedback_form or FeedbackForm()),
    }
    return render(request, "reflections/entry_detail.html", context, status=status)


@login_required
@require_POST
def feedback(request, pk):
    entry = get_object_or_404(JournalEntry.objects.shared_with(request.user), pk=pk)
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Le retour n'a pas été envoyé : corrigez le champ signalé."))
        return detail(request, pk, feedback_form=form, status=400)
    services.add_feedback(entry, request.user, plain_text=form.cleaned_data["body_text"])
    messages.success(request, _("Votre retour est envoyé ; l'apprenant·e est prévenu·e par e-mail."))
    return redirect("reflections:detail", entry.pk)


# --- Sharing ----------------------------------------------------------------------------------------------


@login_required
def share(request, pk):
    """Before sharing: who will read the entry, and any probable personal data to anonymise first."""
    entry = _owned(request, pk)
    if not entry.saved_at or not entry.body_html:
        messages.error(request, _("Enregistrez d'abord votre texte : c'est la version enregistrée qui est partagée."))
        return redirect("reflections:edit", entry.pk)
    text = f"{entry.title}\n\n{html_to_text(entry.body_html)}".strip()
    findings = find_personal_data(text)
    if request.method == "POST" and (not findings or request.POST.get("confirm") == "1"):
        services.share(entry)
        messages.success(request, _("Votre entrée est partagée avec vos formateur·rices."))
        return redirect("reflections:detail", entry.pk)
    context = {
        "entry": entry,
        "findings": findings,
        "highlighted": highlight(text, findings),
        "trainers": trainers_for(entry).order_by("display_name", "email"),
        "course": entry.course,
    }
    return render(request, "reflections/share.html", context)


@login_required
@require_POST
def unshare(request, pk):
    entry = _owned(request, pk)
    services.unshare(entry)
    messages.success(request, _("L'entrée n'est plus partagée : elle redevient privée."))
    return redirect("reflections:detail", entry.pk)


@login_required
def delete(request, pk):
    entry = _owned(request, pk)
    if request.method == "POST":
        services.delete_entry(entry)
        messages.success(request, _("L'entrée et ses retours sont supprimés définitivement."))
        return redirect("reflections:journal")
    return render(request, "reflections/entry_delete.html", {"entry": entry})


# --- Export -----------------------------------------------------------------------------------------------


def _download(content, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def export_pdf(request):
    return _download(exports.journal_pdf(request.user), "application/pdf", exports.export_filename("pdf"))


@login_required
def export_markdown(request):
    return _download(exports.markdown_zip(request.user), "application/zip", exports.export_filename("zip"))
