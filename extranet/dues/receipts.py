"""The receipt of a paid dues: a printable page (static/css/print.css leaves the receipt
alone on paper) for the association's people and the coordinators. It names the collective
(its name and postal address: the site's settings), the association (name, RNA number,
address), the year, the amount, the day and means of the payment and its reference. Dues to
the collective are not a gift: this is no tax receipt."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from extranet.accounts.permissions import association_ids, is_coordinator, member_required
from extranet.dues import services
from extranet.dues.models import Dues


def may_see(user, dues):
    """The people acting today for the dues' association, and the coordinators."""
    return dues.association_id in association_ids(user) or is_coordinator(user)


@member_required
@require_safe
def dues_receipt(request, dues_id):
    dues = get_object_or_404(Dues.objects.select_related("association__commune"), pk=dues_id)
    if not may_see(request.user, dues):
        raise PermissionDenied
    if not dues.is_paid:
        raise Http404
    return render(request, "extranet/dues/receipt.html", {
        "dues": dues, "association": dues.association,
        "amount": services.euros(dues.amount),
    })
