"""book.course"""
