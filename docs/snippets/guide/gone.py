from rest_framework import generics, status
from rest_framework.exceptions import APIException

from .created import ArticleSerializer
from .models import Article


class Gone(APIException):
    status_code = status.HTTP_410_GONE
    default_detail = "This article has been removed for good."
    default_code = "gone"


class ArticleDetail(generics.RetrieveAPIView):
    queryset = Article.objects.all()
    serializer_class = ArticleSerializer

    def get_object(self):
        article = super().get_object()  # unknown id: Http404, sent as 404
        if article.removed:  # it existed and will not come back: 410
            raise Gone()
        return article
