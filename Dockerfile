FROM python:3.12-slim
WORKDIR /srv/paperkg
COPY pyproject.toml README.md ./
COPY graph ./graph
COPY ingest ./ingest
COPY app ./app
RUN pip install --no-cache-dir .
ENV PAPERKG_HOME=/data
EXPOSE 8050
# Inside the container the app must listen beyond loopback, so credentials are required (PAPERKG_AUTH).
CMD ["paperkg", "serve", "--host", "0.0.0.0", "--port", "8050"]
