from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from extranet.accounts.forms import ProfileForm
from extranet.accounts.models import Profile
from extranet.permissions import member_required


@member_required
def profile(request):
    """My names, phone, and what other members may see of them."""
    instance = Profile.objects.filter(person=request.user).first() or Profile(person=request.user)
    form = ProfileForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
        messages.success(request, _("Votre profil est enregistré."))
        return redirect("extranet:profile")
    return render(request, "extranet/profile.html", {"form": form})
