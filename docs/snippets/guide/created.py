from rest_framework import generics, serializers

from .models import Article


class ArticleSerializer(serializers.ModelSerializer):
    # CreateModelMixin copies the "url" field into the Location header.
    url = serializers.HyperlinkedIdentityField(view_name="article-detail")

    class Meta:
        model = Article
        fields = ["url", "id", "title"]


class ArticleList(generics.ListCreateAPIView):
    # POST answers 201, with the new article in the body
    # and its URL in the Location header.
    queryset = Article.objects.filter(removed=False)
    serializer_class = ArticleSerializer
