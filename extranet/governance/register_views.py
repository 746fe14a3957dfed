"""The decision register's pages for members: the register (filtered by body and year), one
decision, its CSV and printable versions, and the correction of a decision, which is a new
decision superseding it (extranet.governance.register). No page changes nor deletes a
decision: they only read, except the correction, which only adds one."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import IntegrityError
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from extranet.accounts.permissions import member_required
from extranet.governance import register, register_export
from extranet.governance.models import Decision, Outcome
from extranet.governance.permissions import can_correct_decision
from extranet.governance.register_forms import CorrectionForm, DecisionFilterForm

DECISIONS_PER_PAGE = 25


def _register(request):
    """(filter form, filtered decisions, their query string)."""
    form = DecisionFilterForm(request.GET or None)
    decisions = form.filter(Decision.objects.with_links().select_related("previous"))
    kept = {key: request.GET[key] for key in ("body", "year")
            if request.GET.get(key) and form.is_bound and form.is_valid()}
    return form, decisions, urlencode(kept)


@member_required
@require_safe
def decision_list(request):
    form, decisions, query_string = _register(request)
    page = Paginator(decisions, DECISIONS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "extranet/governance/decision_list.html", {
        "form": form, "decisions": page, "query_string": query_string,
    })


@member_required
@require_safe
def decision_detail(request, number):
    decision = get_object_or_404(
        Decision.objects.with_links().select_related(
            "previous", "ballot", "published_by", "body_meeting__meeting",
        ),
        number=number,
    )
    return render(request, "extranet/governance/decision_detail.html", {
        "decision": decision, "superseded_by": getattr(decision, "superseded_by", None),
        "can_correct": can_correct_decision(request.user),
    })


@member_required
@require_safe
def decision_export(request):
    _form, decisions, _query = _register(request)
    response = StreamingHttpResponse(register_export.csv_chunks(decisions.order_by("pk")),
                                     content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="registre-des-decisions.csv"'
    return response


@member_required
@require_safe
def decision_print(request):
    form, decisions, _query = _register(request)
    return render(request, "extranet/governance/decision_print.html", {
        "form": form, "decisions": decisions.order_by("pk"), "printed_at": timezone.now(),
    })


@member_required
def decision_correct(request, number):
    """Coordinators write the decision that corrects this one; a decision already corrected
    is not corrected again (correct its correction)."""
    if not can_correct_decision(request.user):
        raise PermissionDenied
    decision = get_object_or_404(Decision.objects.with_links(), number=number)
    superseded_by = getattr(decision, "superseded_by", None)
    if superseded_by is not None:
        messages.error(request, _("La décision %(number)s a déjà été corrigée par la décision "
                                  "%(by)s : c'est celle-ci qu'il faut corriger.")
                       % {"number": decision.number, "by": superseded_by.number})
        return redirect("extranet:decision_detail", number=decision.number)
    form = CorrectionForm(request.POST or None, initial={
        "title": decision.title, "text": decision.text, "is_public": decision.is_public,
    })
    if request.method == "POST" and form.is_valid():
        try:
            correction = register.publish(
                body=decision.body, title=form.cleaned_data["title"],
                text=form.cleaned_data["text"], is_public=form.cleaned_data["is_public"],
                decided_on=timezone.localdate(), outcome=Outcome.ADOPTED,
                supersedes=decision, by=request.user,
            )
        except IntegrityError:
            form.add_error(None, _("La décision %(number)s vient d'être corrigée par "
                                   "quelqu'un d'autre : lisez sa correction.")
                           % {"number": decision.number})
        else:
            messages.success(request, _("La décision %(number)s est inscrite au registre : "
                                        "elle remplace la décision %(old)s.")
                             % {"number": correction.number, "old": decision.number})
            return redirect("extranet:decision_detail", number=correction.number)
    return render(request, "extranet/governance/decision_correct.html", {
        "form": form, "decision": decision,
    })
