"""The application page's contacts and interviews."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
