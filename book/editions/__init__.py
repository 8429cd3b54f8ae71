"""book.editions"""
