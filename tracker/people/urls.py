from django.urls import path

from tracker.people import views

urlpatterns = [
    path("", views.person_list, name="people"),
    path("people.vcf", views.people_vcard, name="people_vcard"),
    path("<int:pk>/", views.person_detail, name="person_detail"),
    path("<int:pk>/edit/", views.person_edit, name="person_edit"),
    path("<int:pk>/keep-in-touch/", views.person_keep_in_touch, name="person_keep_in_touch"),
    path("<int:pk>/vcard.vcf", views.person_vcard, name="person_vcard"),
]
