"""book.notebooks"""
