"""The reading layer: the domain's words (as data in knowledge/lexicon), names and quantities."""
